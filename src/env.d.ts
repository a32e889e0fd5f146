declare namespace App {
  interface Locals {
    /** The report being rendered, for the authoring components (<Fig>, <Duties>). */
    report?: import('./schema/report.ts').Report;
  }
}
