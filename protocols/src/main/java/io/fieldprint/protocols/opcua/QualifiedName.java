package io.fieldprint.protocols.opcua;

/**
 * QualifiedName (Part 6 §5.2.2.13): UInt16 namespace index then a String name.
 *
 * @param namespaceIndex namespace index
 * @param name the name, or {@code null}
 */
public record QualifiedName(int namespaceIndex, String name) {

  public static QualifiedName read(UaBinaryReader r) {
    int ns = r.readUInt16();
    return new QualifiedName(ns, r.readString());
  }
}
