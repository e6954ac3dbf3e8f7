package io.fieldprint.agent.cli;

/** Entry point of the {@code fieldprint} command line. */
public final class FieldprintCommand {
  private FieldprintCommand() {}

  public static void main(String[] args) {
    System.exit(2);
  }
}
