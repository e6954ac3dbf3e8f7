package io.fieldprint.collector.storage;

import io.fieldprint.collector.auth.Principal;
import io.fieldprint.collector.auth.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** {@link CollectorStore} over JDBC, one SQL text for SQLite and PostgreSQL. */
public final class JdbcCollectorStore implements CollectorStore {
  private final Jdbc jdbc;
  private final Clock clock;
  private final ReportMerger merger;
  private final AssetReader reader;
  private final Dialect dialect;
  private final PlannerStatistics statistics;

  /** A store with its own {@link WriterQueue} (the only store writing to its database). */
  public JdbcCollectorStore(
      DataSource dataSource, Dialect dialect, Clock clock, Supplier<String> uids) {
    this(dataSource, dialect, clock, uids, WriterQueue.forDialect(dialect));
  }

  /** A store whose write transactions queue in {@code writers} with the database's other stores. */
  public JdbcCollectorStore(
      DataSource dataSource,
      Dialect dialect,
      Clock clock,
      Supplier<String> uids,
      WriterQueue writers) {
    this.jdbc = new Jdbc(dataSource, writers);
    this.clock = clock;
    this.merger = new ReportMerger(dialect, uids);
    this.reader = new AssetReader();
    this.dialect = dialect;
    this.statistics = dialect == Dialect.POSTGRESQL ? new PlannerStatistics(dataSource) : null;
  }

  @Override
  public CreateResult createSite(Site site, String actor) {
    return jdbc.transaction(
        c -> {
          int n =
              update(
                  c,
                  "INSERT INTO sites (id, name, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (id) DO NOTHING",
                  site.id(),
                  site.name(),
                  site.createdAt().toEpochMilli());
          if (n == 0) {
            return CreateResult.DUPLICATE;
          }
          audit(c, actor, "site.create", site.id(), "name=" + site.name());
          return CreateResult.CREATED;
        });
  }

  @Override
  public Optional<Site> site(String id) {
    return jdbc.read(
        c -> {
          List<Site> found =
              querySites(c, "SELECT id, name, created_at FROM sites WHERE id = ?", id);
          return found.stream().findFirst();
        });
  }

  @Override
  public List<Site> sites() {
    return jdbc.read(c -> querySites(c, "SELECT id, name, created_at FROM sites ORDER BY id"));
  }

  @Override
  public CreateResult createAgent(NewAgent agent, String actor) {
    return jdbc.transaction(
        c -> {
          if (!siteExists(c, agent.siteId())) {
            return CreateResult.NO_SUCH_SITE;
          }
          int n =
              update(
                  c,
                  "INSERT INTO agents (id, site_id, name, token_hash, created_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                  agent.id(),
                  agent.siteId(),
                  agent.name(),
                  agent.tokenHash(),
                  now());
          if (n == 0) {
            return CreateResult.DUPLICATE;
          }
          audit(
              c,
              actor,
              "agent.create",
              agent.siteId(),
              "agent=" + agent.id() + " name=" + agent.name());
          return CreateResult.CREATED;
        });
  }

  @Override
  public List<AgentInfo> agents(String siteId) {
    String sql =
        "SELECT id, site_id, name, created_at, last_seen_at, version FROM agents"
            + " WHERE site_id = ? ORDER BY name, id";
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, siteId);
            List<AgentInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AgentInfo(
                        rs.getString("id"),
                        rs.getString("site_id"),
                        rs.getString("name"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        AssetRows.instant(rs, "last_seen_at"),
                        AssetRows.text(rs, "version")));
              }
            }
            return out;
          }
        });
  }

  @Override
  public CreateResult createUser(NewUser user, String actor) {
    return jdbc.transaction(
        c -> {
          for (String site : user.sites()) {
            if (!siteExists(c, site)) {
              return CreateResult.NO_SUCH_SITE;
            }
          }
          int n =
              update(
                  c,
                  "INSERT INTO users (id, name, role, all_sites, created_at) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT DO NOTHING",
                  user.id(),
                  user.name(),
                  user.role().wire(),
                  user.allSites() ? 1 : 0,
                  now());
          if (n == 0) {
            return CreateResult.DUPLICATE;
          }
          update(
              c,
              "INSERT INTO user_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)",
              user.tokenHash(),
              user.id(),
              now());
          for (String site : user.sites()) {
            update(c, "INSERT INTO user_sites (user_id, site_id) VALUES (?, ?)", user.id(), site);
          }
          String scope = user.allSites() ? "*" : String.join(",", user.sites());
          audit(
              c,
              actor,
              "user.create",
              null,
              "user=" + user.name() + " role=" + user.role().wire() + " sites=" + scope);
          return CreateResult.CREATED;
        });
  }

  @Override
  public boolean hasUsers() {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
          }
        });
  }

  @Override
  public Optional<Principal> principalByTokenHash(String tokenHash) {
    return jdbc.read(c -> agentByToken(c, tokenHash).or(() -> userByToken(c, tokenHash)));
  }

  @Override
  public IngestOutcome ingest(IncomingReport report) {
    IngestOutcome outcome = jdbc.transaction(c -> ingestIn(c, report, clock.instant()));
    if (statistics != null) {
      statistics.assetsCreated(outcome.newDevices());
    }
    return outcome;
  }

  /** Waits for a refresh of PostgreSQL's planner statistics in progress (for tests). */
  void awaitPlannerStatistics() throws InterruptedException {
    if (statistics != null) {
      statistics.awaitIdle();
    }
  }

  private IngestOutcome ingestIn(Connection c, IncomingReport report, Instant now)
      throws SQLException {
    int claimed =
        update(
            c,
            "INSERT INTO reports (agent_id, report_id, site_id, received_at, asset_count)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_id, report_id) DO NOTHING",
            report.agentId(),
            report.reportId(),
            report.siteId(),
            now.toEpochMilli(),
            report.assets().size());
    if (claimed == 0) {
      return IngestOutcome.duplicate();
    }
    IngestOutcome outcome = merger.merge(c, report, now);
    update(
        c,
        "UPDATE agents SET last_seen_at = ?, version = COALESCE(?, version) WHERE id = ?",
        now.toEpochMilli(),
        report.agentVersion().orElse(null),
        report.agentId());
    return outcome;
  }

  @Override
  public SilenceRun recordSilence(java.time.Duration threshold) {
    Instant now = clock.instant();
    return jdbc.backgroundTransaction(c -> SilenceCheck.run(c, dialect, now, threshold));
  }

  @Override
  public AssetPage assets(String siteId, AssetQuery query) {
    return jdbc.read(c -> reader.page(c, siteId, query));
  }

  @Override
  public Optional<AssetDetail> asset(String uid) {
    return jdbc.read(c -> reader.detail(c, uid));
  }

  @Override
  public List<AuditEntry> audit(int limit) {
    return jdbc.read(
        c -> {
          String sql =
              "SELECT id, at, actor, action, site_id, detail FROM audit_log ORDER BY id DESC LIMIT ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AuditEntry(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"),
                        rs.getString("action"),
                        Optional.ofNullable(rs.getString("site_id")),
                        rs.getString("detail")));
              }
            }
            return out;
          }
        });
  }

  private Optional<Principal> agentByToken(Connection c, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, site_id, name FROM agents WHERE token_hash = ?")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Principal.Agent(rs.getString("id"), rs.getString("site_id"), rs.getString("name")));
      }
    }
  }

  private Optional<Principal> userByToken(Connection c, String hash) {
    String sql =
        "SELECT u.id, u.name, u.role, u.all_sites FROM user_tokens t"
            + " JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String id = rs.getString("id");
        Role role = Role.fromWire(rs.getString("role")).orElse(Role.VIEWER);
        return Optional.of(
            new Principal.User(
                id, rs.getString("name"), role, rs.getInt("all_sites") == 1, userSites(c, id)));
      }
    } catch (SQLException e) {
      throw new StoreException("token lookup failed: " + e.getMessage(), e);
    }
  }

  private static Set<String> userSites(Connection c, String userId) throws SQLException {
    Set<String> sites = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT site_id FROM user_sites WHERE user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sites.add(rs.getString(1));
        }
      }
    }
    return sites;
  }

  private static boolean siteExists(Connection c, String id) throws SQLException {
    return !querySites(c, "SELECT id, name, created_at FROM sites WHERE id = ?", id).isEmpty();
  }

  private static List<Site> querySites(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindAll(ps, args);
      List<Site> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Site(
                  rs.getString("id"),
                  rs.getString("name"),
                  Instant.ofEpochMilli(rs.getLong("created_at"))));
        }
      }
      return out;
    }
  }

  private void audit(Connection c, String actor, String action, String site, String detail)
      throws SQLException {
    update(
        c,
        "INSERT INTO audit_log (at, actor, action, site_id, detail) VALUES (?, ?, ?, ?, ?)",
        now(),
        actor,
        action,
        site,
        detail);
  }

  private long now() {
    return clock.millis();
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindAll(ps, args);
      return ps.executeUpdate();
    }
  }

  /**
   * Binds arguments in order: {@code null} is a text NULL, a {@link java.sql.JDBCType} a NULL of
   * that type.
   */
  static void bindAll(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object v = args[i];
      if (v == null) {
        ps.setNull(i + 1, java.sql.Types.VARCHAR);
      } else if (v instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (v instanceof Double d) {
        ps.setDouble(i + 1, d);
      } else if (v instanceof java.sql.JDBCType type) {
        // a typed NULL, for columns that are not text (PostgreSQL checks the parameter type)
        ps.setNull(i + 1, type.getVendorTypeNumber());
      } else {
        ps.setString(i + 1, v.toString());
      }
    }
  }
}
