package io.lanyard.osgi;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** The eight jars, as arguments of parameterized tests. */
final class PluginJarFixtures {

    private PluginJarFixtures() {
    }

    static List<Arguments> allJars() {
        List<Arguments> jars = new ArrayList<>();
        for (Generation generation : Generation.values()) {
            for (Product product : Product.values()) {
                jars.add(Arguments.of(product, generation));
            }
        }
        return jars;
    }

    static List<Arguments> jakartaJars() {
        return allJars().stream().filter(arguments -> arguments.get()[1] == Generation.JAKARTA).toList();
    }
}
