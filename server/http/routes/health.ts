import { processFigures } from '../../processHealth.ts'
import type { Route } from '../route.ts'

/**
 * GET /api/health for a load balancer or a watchdog, without signing in: the process's memory and
 * event-loop delay (worse of the last two 10 s windows), open documents and collaboration sockets.
 * Never names a document or a user.
 */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/health',
    public: true,
    handle: ({ services }) => {
      const rooms = services.rooms.all()
      return {
        ok: true,
        ...processFigures(),
        rooms: rooms.length,
        connections: rooms.reduce((n, room) => n + room.peers.size, 0),
      }
    },
  },
]
