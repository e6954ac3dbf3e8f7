package io.fieldprint.protocols.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable map behind {@link Evidence#fields()} and the maps nested in it: keys and values in
 * two arrays, either sorted by key (the fields themselves, as the sorted map they replace iterated)
 * or in the order given (nested maps, as decoders built them). A {@code TreeMap} wrapped read-only
 * took about 270 bytes for a typical evidence's five or six fields, a nested {@code LinkedHashMap}
 * about 500; these take about a hundred. Values are deep-copied on the way in: strings through
 * {@link RepeatedStrings}, maps into {@code FieldMap}s, lists into read-only lists, so evidence
 * shares nothing mutable with the decoder that made it.
 */
final class FieldMap<K> extends AbstractMap<K, Object> {
  private static final FieldMap<String> EMPTY = new FieldMap<>(new Object[0], new Object[0], true);

  private final Object[] keys;
  private final Object[] values;
  private final boolean sorted;

  private FieldMap(Object[] keys, Object[] values, boolean sorted) {
    this.keys = keys;
    this.values = values;
    this.sorted = sorted;
  }

  /** A copy of {@code fields} sorted by key (natural order; a null key is refused, as before). */
  static FieldMap<String> sorted(Map<String, ?> fields) {
    if (fields.isEmpty()) {
      return EMPTY;
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, ?>[] entries = fields.entrySet().toArray(new Map.Entry[0]);
    Arrays.sort(entries, Comparator.comparing(Map.Entry::getKey));
    Object[] keys = new Object[entries.length];
    Object[] values = new Object[entries.length];
    for (int i = 0; i < entries.length; i++) {
      keys[i] = RepeatedStrings.of(entries[i].getKey());
      values[i] = copy(entries[i].getValue());
    }
    return new FieldMap<>(keys, values, true);
  }

  private static <K> FieldMap<K> ordered(Map<K, ?> map) {
    Object[] keys = new Object[map.size()];
    Object[] values = new Object[keys.length];
    int i = 0;
    for (Map.Entry<K, ?> e : map.entrySet()) {
      keys[i] = e.getKey() instanceof String s ? RepeatedStrings.of(s) : e.getKey();
      values[i] = copy(e.getValue());
      i++;
    }
    return new FieldMap<>(keys, values, false);
  }

  private static Object copy(Object value) {
    if (value instanceof String s) {
      return RepeatedStrings.of(s);
    }
    if (value instanceof FieldMap<?>) {
      return value;
    }
    if (value instanceof Map<?, ?> m) {
      return ordered(m);
    }
    if (value instanceof List<?> l) {
      Object[] items = l.toArray();
      for (int i = 0; i < items.length; i++) {
        items[i] = copy(items[i]);
      }
      return Collections.unmodifiableList(Arrays.asList(items));
    }
    return value;
  }

  private int indexOf(Object key) {
    if (sorted) {
      if (!(key instanceof String s)) {
        return -1;
      }
      int low = 0;
      int high = keys.length - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int c = ((String) keys[mid]).compareTo(s);
        if (c < 0) {
          low = mid + 1;
        } else if (c > 0) {
          high = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == null ? key == null : keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super Object> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept((K) keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<K, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<K, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, Object> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>((K) keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
