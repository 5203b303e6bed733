package io.tributary.bench.compare;

import io.tributary.bench.StorageTarget;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the machine was, for the report: CPU, cores, memory, kernel, JDK, file system, load. */
final class MachineInfo {

    private MachineInfo() {
    }

    static Map<String, Object> describe(Path dataDirectory) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        try {
            machine.put("dataFileSystem", StorageTarget.of(dataDirectory).toString());
        } catch (IOException e) {
            machine.put("dataFileSystem", "unknown (" + e.getMessage() + ")");
        }
        machine.put("loadAverageAtStart", loadAverage());
        return machine;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
