# Shared helpers of the environment scripts (sourced, not executed).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3                        # Debian's Python with Jupyter; the python3 on PATH may be another
# A kernelspec private to this checkout: notebooks run by start --execute, the tests and the benchmarks
# use this checkout's build even when another checkout installed the per-user kernelspec.
PRIVATE_JUPYTER="$ROOT/target/jupyter-prefix/share/jupyter"
app_jar() { ls "$ROOT"/target/coreloss-*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' -e '-spark\.jar$' | head -n 1; }
# OpenBLAS 0.3.19 (nd4j-native's build) returns wrong real symmetric eigenvectors with its SkylakeX
# (AVX-512) kernels; its AVX2 kernels are correct and as fast here (docs/multiplet.md). Only where AVX2 exists.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && grep -q avx2 /proc/cpuinfo 2>/dev/null; then export OPENBLAS_CORETYPE=Haswell; fi
# The JDK the kernel runs on: CORELOSS_JAVA_HOME if set, else Debian's OpenJDK 17 (what setup installs).
# Not the java first on PATH: that differs between shells, CI images and users.
kernel_java_home() {
  if [ -n "${CORELOSS_JAVA_HOME:-}" ]; then echo "$CORELOSS_JAVA_HOME"; return; fi
  echo "/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture 2>/dev/null || echo amd64)"
}
