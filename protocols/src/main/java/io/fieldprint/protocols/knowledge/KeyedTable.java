package io.fieldprint.protocols.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a knowledge TSV of {@code key <TAB> name <TAB> note} rows ({@code #} starts a comment line)
 * into a map from key to name. Every row must have the three columns, a key of the given form and a
 * name; a key may appear once. The first bad row fails the read, naming the file and line.
 */
public final class KeyedTable {
  private KeyedTable() {}

  /**
   * @param file the file's name, for messages
   * @param keyForm the text form of a key
   * @param parseKey turns a key's text (which matched {@code keyForm}) into the key
   */
  public static <K> Map<K, String> read(
      InputStream in, String file, Pattern keyForm, Function<String, K> parseKey)
      throws IOException {
    Map<K, String> names = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3
          || !keyForm.matcher(cols[0]).matches()
          || cols[1].isBlank()
          || cols[2].isBlank()) {
        throw new IOException(file + " line " + number + " is not key, name, note");
      }
      if (names.put(parseKey.apply(cols[0]), cols[1].strip()) != null) {
        throw new IOException(file + " line " + number + " repeats " + cols[0]);
      }
    }
    return names;
  }
}
