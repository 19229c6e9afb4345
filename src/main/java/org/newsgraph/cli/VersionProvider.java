package org.newsgraph.cli;

import org.newsgraph.mapping.FileMapper;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"newsgraph " + (version == null ? "(development)" : version)
                + ", mapping version " + FileMapper.MAPPING_VERSION};
    }
}
