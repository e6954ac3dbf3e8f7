package io.fieldprint.protocols.opcua;

/**
 * LocalizedText (Part 6 §5.2.2.14): an encoding mask byte (0x01 Locale present, 0x02 Text present),
 * then the present Strings in that order.
 *
 * @param locale the locale id such as {@code en}, or {@code null}
 * @param text the text, or {@code null}
 */
public record LocalizedText(String locale, String text) {

  public static final LocalizedText NULL = new LocalizedText(null, null);

  public static LocalizedText read(UaBinaryReader r) {
    int mask = r.readByte();
    String locale = (mask & 0x01) != 0 ? r.readString() : null;
    String text = (mask & 0x02) != 0 ? r.readString() : null;
    return new LocalizedText(locale, text);
  }
}
