package io.fieldprint.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit status and what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        FieldprintCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
