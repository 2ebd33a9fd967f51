// The review model lives in shared/review, where the 修改对照表 renders it too; the page's components import it from here.
export * from '../../shared/review/reviewModel.ts'
