package io.fieldprint.advisories.csaf;

/** The outcome of reading one CSAF document: the document (with its problems) or why not. */
public sealed interface CsafResult permits CsafDocument, CsafResult.Rejected {

  /**
   * A document that cannot be used at all.
   *
   * @param reason what was wrong, naming the member or limit
   */
  record Rejected(String reason) implements CsafResult {}
}
