package io.fieldprint.protocols.packet;

/**
 * Connections by key (a chained hash table without key objects) and by recency (a doubly linked
 * list, newest first), so lookups, touches and evicting the least recently active connection are
 * all constant time.
 */
final class TcpFlowTable {
  private TcpConnection[] buckets = new TcpConnection[1024];
  private int size;
  private TcpConnection newest;
  private TcpConnection oldest;

  int size() {
    return size;
  }

  TcpConnection oldest() {
    return oldest;
  }

  TcpConnection find(
      int hash, boolean ipv6, long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort) {
    for (TcpConnection c = buckets[hash & (buckets.length - 1)]; c != null; c = c.bucketNext) {
      if (c.hash == hash && c.matches(ipv6, aHigh, aLow, aPort, bHigh, bLow, bPort)) {
        return c;
      }
    }
    return null;
  }

  void insert(TcpConnection c) {
    if (size >= buckets.length * 3 / 4) {
      resize();
    }
    int index = c.hash & (buckets.length - 1);
    c.bucketNext = buckets[index];
    buckets[index] = c;
    size++;
    linkNewest(c);
  }

  void remove(TcpConnection c) {
    int index = c.hash & (buckets.length - 1);
    TcpConnection previous = null;
    for (TcpConnection e = buckets[index]; e != null; previous = e, e = e.bucketNext) {
      if (e == c) {
        if (previous == null) {
          buckets[index] = c.bucketNext;
        } else {
          previous.bucketNext = c.bucketNext;
        }
        c.bucketNext = null;
        size--;
        unlink(c);
        return;
      }
    }
  }

  /** Marks {@code c} as the most recently active connection. */
  void touch(TcpConnection c) {
    if (newest != c) {
      unlink(c);
      linkNewest(c);
    }
  }

  private void linkNewest(TcpConnection c) {
    c.older = newest;
    c.newer = null;
    if (newest != null) {
      newest.newer = c;
    }
    newest = c;
    if (oldest == null) {
      oldest = c;
    }
  }

  private void unlink(TcpConnection c) {
    if (c.newer != null) {
      c.newer.older = c.older;
    } else {
      newest = c.older;
    }
    if (c.older != null) {
      c.older.newer = c.newer;
    } else {
      oldest = c.newer;
    }
    c.newer = null;
    c.older = null;
  }

  private void resize() {
    TcpConnection[] old = buckets;
    buckets = new TcpConnection[old.length * 2];
    for (TcpConnection head : old) {
      for (TcpConnection c = head; c != null; ) {
        TcpConnection next = c.bucketNext;
        int index = c.hash & (buckets.length - 1);
        c.bucketNext = buckets[index];
        buckets[index] = c;
        c = next;
      }
    }
  }
}
