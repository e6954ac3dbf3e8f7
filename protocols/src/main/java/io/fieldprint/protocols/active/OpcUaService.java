package io.fieldprint.protocols.active;

/** Every service of OPC UA Part 4 (§5), grouped by service set. */
public enum OpcUaService {
  // Discovery
  FIND_SERVERS("FindServers", "Discovery"),
  FIND_SERVERS_ON_NETWORK("FindServersOnNetwork", "Discovery"),
  GET_ENDPOINTS("GetEndpoints", "Discovery"),
  REGISTER_SERVER("RegisterServer", "Discovery"),
  REGISTER_SERVER2("RegisterServer2", "Discovery"),
  // SecureChannel
  OPEN_SECURE_CHANNEL("OpenSecureChannel", "SecureChannel"),
  CLOSE_SECURE_CHANNEL("CloseSecureChannel", "SecureChannel"),
  // Session
  CREATE_SESSION("CreateSession", "Session"),
  ACTIVATE_SESSION("ActivateSession", "Session"),
  CLOSE_SESSION("CloseSession", "Session"),
  CANCEL("Cancel", "Session"),
  // NodeManagement
  ADD_NODES("AddNodes", "NodeManagement"),
  ADD_REFERENCES("AddReferences", "NodeManagement"),
  DELETE_NODES("DeleteNodes", "NodeManagement"),
  DELETE_REFERENCES("DeleteReferences", "NodeManagement"),
  // View
  BROWSE("Browse", "View"),
  BROWSE_NEXT("BrowseNext", "View"),
  TRANSLATE_BROWSE_PATHS_TO_NODE_IDS("TranslateBrowsePathsToNodeIds", "View"),
  REGISTER_NODES("RegisterNodes", "View"),
  UNREGISTER_NODES("UnregisterNodes", "View"),
  // Query
  QUERY_FIRST("QueryFirst", "Query"),
  QUERY_NEXT("QueryNext", "Query"),
  // Attribute
  READ("Read", "Attribute"),
  HISTORY_READ("HistoryRead", "Attribute"),
  WRITE("Write", "Attribute"),
  HISTORY_UPDATE("HistoryUpdate", "Attribute"),
  // Method
  CALL("Call", "Method"),
  // MonitoredItem
  CREATE_MONITORED_ITEMS("CreateMonitoredItems", "MonitoredItem"),
  MODIFY_MONITORED_ITEMS("ModifyMonitoredItems", "MonitoredItem"),
  SET_MONITORING_MODE("SetMonitoringMode", "MonitoredItem"),
  SET_TRIGGERING("SetTriggering", "MonitoredItem"),
  DELETE_MONITORED_ITEMS("DeleteMonitoredItems", "MonitoredItem"),
  // Subscription
  CREATE_SUBSCRIPTION("CreateSubscription", "Subscription"),
  MODIFY_SUBSCRIPTION("ModifySubscription", "Subscription"),
  SET_PUBLISHING_MODE("SetPublishingMode", "Subscription"),
  PUBLISH("Publish", "Subscription"),
  REPUBLISH("Republish", "Subscription"),
  TRANSFER_SUBSCRIPTIONS("TransferSubscriptions", "Subscription"),
  DELETE_SUBSCRIPTIONS("DeleteSubscriptions", "Subscription");

  private final String serviceName;
  private final String serviceSet;

  OpcUaService(String serviceName, String serviceSet) {
    this.serviceName = serviceName;
    this.serviceSet = serviceSet;
  }

  /** The name Part 4 uses, e.g. {@code TranslateBrowsePathsToNodeIds}. */
  public String serviceName() {
    return serviceName;
  }

  /** The Part 4 service set, e.g. {@code View}. */
  public String serviceSet() {
    return serviceSet;
  }
}
