package io.fieldprint.agent.service;

/**
 * One arena for Netty's pooled allocator instead of two per core. The OPC UA client (Milo) takes
 * its buffers from {@code PooledByteBufAllocator.DEFAULT}, whose arenas each hold a 4 MiB chunk of
 * direct memory: a scan pass over 50 OPC UA servers touched four of them (16 MiB, NMT "Other") on a
 * 2-core box, for a few requests per second that one arena serves as well (bench/agent,
 * docs/benchmarks.md). An explicit {@code -Dio.netty.allocator.num*Arenas} wins; the setting only
 * takes effect before Netty's allocator is first loaded, which in {@code fieldprint agent} is the
 * service's start.
 */
final class NettyArenas {
  static final String DIRECT = "io.netty.allocator.numDirectArenas";
  static final String HEAP = "io.netty.allocator.numHeapArenas";

  /** Chunk = page (8 KiB) shifted left by this order: 1 MiB (Netty's default order 9: 4 MiB). */
  static final String MAX_ORDER = "io.netty.allocator.maxOrder";

  private NettyArenas() {}

  static void limit() {
    setUnlessGiven(DIRECT, "1");
    setUnlessGiven(HEAP, "1");
    setUnlessGiven(MAX_ORDER, "7");
  }

  private static void setUnlessGiven(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
