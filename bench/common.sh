# Shared by the benchmark scripts (sourced, not run): what they need and the machine they ran on.

# GNU time (/usr/bin/time) for peak memory, from Debian when missing.
need_gnu_time() {
    if [ ! -x /usr/bin/time ]; then
        echo "== installing GNU time"
        apt-get update -qq && apt-get install -y -qq time >/dev/null
    fi
}

# Prints the machine: CPU, cores, memory, the free disk of folder $1 when given, rustc, load.
print_machine() {
    local model disk=""
    model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
    if [ -n "${1:-}" ]; then
        disk="; disk: $(df -h "$1" | awk 'NR==2 {print $2 " (" $4 " free)"}')"
    fi
    echo "== machine"
    echo "cpu: ${model:-unknown}, $(nproc) cores; memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')${disk}; $(rustc --version)"
    echo "load before: $(uptime | sed 's/.*load average: //')"
}
