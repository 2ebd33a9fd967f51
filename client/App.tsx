import { useEffect } from 'react'
import { FirstPasswordPrompt } from './components/ChangePasswordDialog.tsx'
import { ErrorBoundary } from './components/ErrorBoundary.tsx'
import { Notices } from './components/Notices.tsx'
import { useRoute } from './hooks/useRoute.ts'
import { useSession } from './hooks/useSession.ts'
import { DepartmentTasksPage } from './components/breakdown/DepartmentTasksPage.tsx'
import { LedgerPage } from './components/breakdown/LedgerPage.tsx'
import { DocumentListPage } from './pages/DocumentListPage.tsx'
import { EditorPage } from './pages/EditorPage.tsx'
import { LoginPage } from './pages/LoginPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { ReviewPage } from './pages/ReviewPage.tsx'
import { UsersPage } from './pages/UsersPage.tsx'
import { VersionPage } from './pages/VersionPage.tsx'
import { navigate } from './router/navigate.ts'
import { parseRoute } from './router/routes.ts'

const RETURN_KEY = 'plan-studio/return-to'

/** The whole app: sends signed-out visitors to sign in (and back afterwards) and shows the page the address names. */
export function App() {
  const session = useSession()
  const route = useRoute()
  useEffect(() => {
    if (!session && route.page !== 'login') {
      sessionStorage.setItem(RETURN_KEY, location.pathname)
      navigate({ page: 'login' }, true)
    } else if (session && route.page === 'login') {
      const back = parseRoute(sessionStorage.getItem(RETURN_KEY) ?? '/')
      sessionStorage.removeItem(RETURN_KEY)
      navigate(back.page === 'login' || back.page === 'notFound' ? { page: 'documents' } : back, true)
    }
  }, [session, route])
  return (
    <ErrorBoundary>
      <Notices />
      {session && route.page !== 'login' && <FirstPasswordPrompt session={session} />}
      {!session || route.page === 'login' ? (
        <LoginPage />
      ) : route.page === 'documents' ? (
        <DocumentListPage session={session} />
      ) : route.page === 'editor' ? (
        <EditorPage key={route.docId} docId={route.docId} session={session} />
      ) : route.page === 'review' ? (
        <ReviewPage key={route.docId} docId={route.docId} session={session} />
      ) : route.page === 'users' ? (
        <UsersPage session={session} />
      ) : route.page === 'ledger' ? (
        <LedgerPage key={route.docId} docId={route.docId} session={session} />
      ) : route.page === 'tasks' ? (
        <DepartmentTasksPage session={session} />
      ) : route.page === 'version' ? (
        <VersionPage key={route.versionId} docId={route.docId} versionId={route.versionId} session={session} />
      ) : (
        <NotFoundPage />
      )}
    </ErrorBoundary>
  )
}
