package org.edgetpu4j.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"edgetpu4j " + (v == null ? "development build" : v)};
  }
}
