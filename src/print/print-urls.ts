// Where the print forms of a report live, relative to its page
// (/reports/2023/kgxj/). Pure, so the PDF renderer (Node) shares it with the pages.

/** The document the PDF is made from, printed as it is (Chromium engine). */
export const printPath = (reportPath: string) => `${reportPath}print/`;
/** The same page paged by Paged.js in the browser: staff preview and the default engine. */
export const previewPath = (reportPath: string) => `${printPath(reportPath)}?paged`;
/** The print page's file in a built site, relative to the site's folder (pages are <path>/index.html). */
export const printPageFile = (reportPath: string) => `${printPath(reportPath)}index.html`;
