package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * Turns a parsed {@code provider.xml} into a validated {@link LanyardConfiguration}, or refuses it with every
 * error of every provider in one {@link ConfigurationException}, so that an administrator fixes the file in one go.
 */
final class ProviderXmlReader {

    static final String ROOT = "lanyard-providers";
    static final String VERSION_ATTRIBUTE = ConfigListReader.VERSION_ATTRIBUTE;
    static final String VERSION = ConfigListReader.VERSION;
    static final String PROVIDER = "provider";

    private static final ConfigListReader<IdentityProviderConfig> FORMAT = new ConfigListReader<>(ROOT, PROVIDER,
            "providers", Pattern.compile("[A-Za-z0-9]{1,64}"), ProviderElementReader::new);

    private ProviderXmlReader() {
    }

    /**
     * @throws ConfigurationException listing every error found in the file
     */
    static LanyardConfiguration read(Document document, Path file) {
        return new LanyardConfiguration(FORMAT.read(document, file));
    }
}
