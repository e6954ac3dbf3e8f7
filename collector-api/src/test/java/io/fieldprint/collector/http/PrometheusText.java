package io.fieldprint.collector.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line is a HELP, a TYPE or a
 * sample; every sample belongs to a family whose TYPE came first; values are numbers.
 */
final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "("
              + NAME
              + ")(\\{(?:"
              + LABEL
              + ")(?:,"
              + LABEL
              + ")*,?\\}|\\{\\})?"
              + " (NaN|[+-]Inf|[+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(?: -?[0-9]+)?");
  private static final List<String> SUFFIXES =
      List.of("_bucket", "_count", "_sum", "_total", "_created", "_max");

  private PrometheusText() {}

  /** Sample values by metric name (labels dropped); problems end the parse with a message. */
  static Map<String, List<Double>> parse(String text) {
    Map<String, String> types = new HashMap<>();
    Map<String, List<Double>> samples = new HashMap<>();
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = TYPE.matcher(line)).matches()) {
        if (types.put(m.group(1), m.group(2)) != null) {
          throw new IllegalArgumentException("line " + n + ": second TYPE for " + m.group(1));
        }
      } else if (HELP.matcher(line).matches()) {
        continue;
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String name = m.group(1);
        if (!types.containsKey(family(name, types))) {
          throw new IllegalArgumentException("line " + n + ": sample " + name + " before its TYPE");
        }
        String v = m.group(3);
        double value =
            v.equals("NaN")
                ? Double.NaN
                : v.endsWith("Inf")
                    ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.parseDouble(v);
        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        throw new IllegalArgumentException("line " + n + " is not exposition format: " + line);
      }
    }
    return samples;
  }

  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String s : SUFFIXES) {
      if (name.endsWith(s) && types.containsKey(name.substring(0, name.length() - s.length()))) {
        return name.substring(0, name.length() - s.length());
      }
    }
    return name;
  }
}
