package io.fieldprint.agent.cli;

/** How a command prints its result: a table for people, JSON for machines. */
enum OutputFormat {
  table,
  json
}
