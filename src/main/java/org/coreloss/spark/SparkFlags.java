package org.coreloss.spark;

import java.util.List;

/**
 * Spark's JVM requirements, in a class that loads no Spark class (the kernelspec installer and the command line
 * read it whether Spark is on the class path or not).
 */
public final class SparkFlags {
    /** The JVM flags Spark 3.5 needs on Java 17 and later (Spark's own launcher adds the same list). */
    public static final List<String> JVM_FLAGS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    /** The folder of Spark's jars beside a distribution's lib/ folder ({@code target/spark-lib}; see pom.xml). */
    public static final String LIB_FOLDER = "spark-lib";

    private SparkFlags() {}
}
