# Sourced by bench/run-again.sh and bench/run-memory.sh: starts ./run.sh in the background with its output in a file of its
# own and waits until /actuator/health answers UP on SERVER_PORT. Sets pid (./run.sh execs the JVM, so this is the JVM once
# it runs) and log; returns 1, with a line saying so, when ./run.sh stops before that.
start_run_sh() {
  log=$(mktemp)
  ./run.sh >"$log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$SERVER_PORT/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "$1: ./run.sh stopped, see $log"; return 1; }
    sleep 0.2
  done
}
