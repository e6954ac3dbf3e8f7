package io.fieldprint.agent.service.config;

import java.util.List;

/** The configuration cannot be used; {@link #problems()} lists every reason, one line each. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
