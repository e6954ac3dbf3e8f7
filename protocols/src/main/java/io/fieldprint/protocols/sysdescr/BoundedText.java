package io.fieldprint.protocols.sysdescr;

/**
 * A {@link CharSequence} that stops a regular expression after a fixed number of character reads,
 * so that no pattern can take more than linear-ish time on hostile input.
 */
final class BoundedText implements CharSequence {
  /** Thrown (and caught by the matcher's caller) when the budget is spent. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super("regular expression step budget exceeded", null, false, false);
    }
  }

  private final String text;
  private final int start;
  private final int end;
  private final int[] budget;

  BoundedText(String text, int budget) {
    this(text, 0, text.length(), new int[] {budget});
  }

  private BoundedText(String text, int start, int end, int[] budget) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.budget = budget;
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public char charAt(int index) {
    if (--budget[0] < 0) {
      throw new BudgetExceeded();
    }
    return text.charAt(start + index);
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new BoundedText(text, start + from, start + to, budget);
  }

  @Override
  public String toString() {
    return text.substring(start, end);
  }
}
