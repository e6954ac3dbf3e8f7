package io.fieldprint.collector.config;

import java.util.List;

/** The configuration file cannot be used; carries every problem found, one line each. */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
