// Paragraphs of a review entry live in shared/review, where the 修改对照表 renders them too; the page's components import them from here.
export * from '../../shared/review/textParagraphs.ts'
