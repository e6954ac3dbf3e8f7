package io.fieldprint.agent.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read into its stages and instructions (continuation lines joined, comments and
 * parser directives dropped): enough to check what it copies, which user runs and what it checks.
 */
record Dockerfile(List<Stage> stages) {
  /** One {@code FROM ... [AS name]} and the instructions up to the next. */
  record Stage(String base, String name, List<Instruction> instructions) {
    List<String> arguments(String keyword) {
      return instructions.stream()
          .filter(i -> i.keyword().equals(keyword))
          .map(Instruction::arguments)
          .toList();
    }

    /** The user of the last {@code USER} in this stage, or empty when none. */
    String user() {
      List<String> users = arguments("USER");
      return users.isEmpty() ? "" : users.get(users.size() - 1);
    }
  }

  /** An instruction keyword (upper case) and its argument text. */
  record Instruction(String keyword, String arguments) {}

  static Dockerfile read(Path file) throws IOException {
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    for (String line : logicalLines(Files.readAllLines(file, StandardCharsets.UTF_8))) {
      String[] parts = line.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String args = parts.length > 1 ? parts[1].strip() : "";
      if (keyword.equals("FROM")) {
        String[] from = args.split("\\s+");
        String name = from.length >= 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "";
        current = new ArrayList<>();
        stages.add(new Stage(from[0], name, current));
      } else if (current != null) {
        current.add(new Instruction(keyword, args));
      } else {
        throw new IOException(file + ": " + keyword + " before the first FROM");
      }
    }
    return new Dockerfile(stages);
  }

  Stage stage(String name) {
    return stages.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + name));
  }

  Stage last() {
    return stages.get(stages.size() - 1);
  }

  private static List<String> logicalLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("#") || line.isEmpty() && pending.length() == 0) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      out.add(pending.toString().strip());
      pending.setLength(0);
    }
    return out;
  }
}
