# shellcheck shell=bash
# `./cop run --instances N` (N ≥ 2): N Api and N Web processes on their own ports behind nginx
# (Debian's package), with a project-local redis-server as the SignalR backplane, the home of
# the Web's session records and of presence counts. Data-protection keys and the OIDC
# certificates are shared by every instance of an app through files in .cop/scale/keys.
# Sourced by ./cop after scripts/common.sh; defines functions only.
#
# Layout (ports are the defaults; COP_* variables move them):
#   browser ──> nginx :5080 (COP_WEB_PORT) ──round robin──> Web 1 :5111, Web 2 :5112, ...
#   browser/Web ──> nginx :5081 (COP_API_PORT) ──round robin──> Api 1 :5101, Api 2 :5102, ...
#   every instance ──> redis-server :6390 (COP_REDIS_PORT), PostgreSQL (as ./cop run)
# Instance ports: Api i on COP_INSTANCE_PORT_BASE + i, Web i on COP_INSTANCE_PORT_BASE + 10 + i.
#
# Each instance's environment is written to .cop/scale/<app>-<i>.env, so `./cop scale start
# api 2` (e.g. from a fault script, after `./cop scale kill api 2`) starts it again exactly as
# `./cop run` did. The run's foreground loop does not stop when one instance dies: that is
# what the fault scripts do on purpose.

SCALE_DIR="$COP_STATE/scale"
SCALE_KEYS="$SCALE_DIR/keys"
# Local-only password of the local OIDC certificates (they never leave .cop/).
SCALE_OIDC_PASSWORD=cop-local-oidc

scale_config() { # instances — sets the SCALE_* ports
  SCALE_N=$1
  SCALE_WEB_PORT=${COP_WEB_PORT:-5080}
  SCALE_API_PORT=${COP_API_PORT:-5081}
  SCALE_REDIS_PORT=${COP_REDIS_PORT:-6390}
  SCALE_BASE=${COP_INSTANCE_PORT_BASE:-5100}
  local name
  for name in SCALE_WEB_PORT SCALE_API_PORT SCALE_REDIS_PORT SCALE_BASE; do
    is_port_number "${!name}" || die "${name/SCALE_/COP_} must be a TCP port number, not '${!name}'"
  done
  (( SCALE_N >= 2 && SCALE_N <= 9 )) || die "--instances takes 1 to 9, not $SCALE_N"
}

scale_instance_port() { # api|web i
  if [[ $1 == api ]]; then echo $(( SCALE_BASE + $2 )); else echo $(( SCALE_BASE + 10 + $2 )); fi
}

# Every port this layout listens on, one a line, with what it is for.
scale_ports() {
  local i
  echo "$SCALE_WEB_PORT nginx (Web)"
  echo "$SCALE_API_PORT nginx (Api)"
  echo "$SCALE_REDIS_PORT redis-server"
  for (( i = 1; i <= SCALE_N; i++ )); do
    echo "$(scale_instance_port api "$i") Api $i"
    echo "$(scale_instance_port web "$i") Web $i"
  done
}

scale_check_ports() {
  local port what
  while read -r port what; do
    port_in_use "$port" && die "port $port ($what) is already in use; free it or move it (COP_WEB_PORT, COP_API_PORT, COP_REDIS_PORT, COP_INSTANCE_PORT_BASE; ./cop stop ends what an earlier ./cop run left behind)"
  done < <(scale_ports)
  return 0
}

# nginx and redis-server from Debian's packages, installed once.
scale_ensure_packages() {
  local missing=()
  [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  [[ -x /usr/bin/redis-server ]] || command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  if (( ${#missing[@]} )); then
    apt_install "${missing[@]}" || die "could not install: ${missing[*]}"
  fi
}

scale_nginx_bin() { if [[ -x /usr/sbin/nginx ]]; then echo /usr/sbin/nginx; else command -v nginx; fi; }
scale_redis_bin() { if [[ -x /usr/bin/redis-server ]]; then echo /usr/bin/redis-server; else command -v redis-server; fi; }

# The OIDC signing and encryption certificates every Api instance uses (made once; tokens
# issued by one instance validate on the others, and survive restarts).
scale_ensure_keys() {
  mkdir -p -- "$SCALE_KEYS/api" "$SCALE_KEYS/web"
  if [[ ! -f $SCALE_KEYS/oidc-signing.pfx || ! -f $SCALE_KEYS/oidc-encryption.pfx ]]; then
    info "Making the shared OIDC signing and encryption certificates in $SCALE_KEYS"
    rm -f -- "$SCALE_KEYS/oidc-signing.pfx" "$SCALE_KEYS/oidc-encryption.pfx"
    OIDC_CERTIFICATE_PASSWORD=$SCALE_OIDC_PASSWORD OIDC_CERTIFICATE_DIR=$SCALE_KEYS \
      "$COP_ROOT/deploy/make-oidc-certificate.sh" >/dev/null || die "could not make the OIDC certificates"
  fi
}

# Write NAME=VALUE pairs (args 2..) to an env file that scale_start_instance reads back.
scale_write_env() { # file NAME=VALUE...
  local file=$1 entry
  shift
  : >"$file"
  for entry in "$@"; do printf '%q\n' "$entry" >>"$file"; done
}

# The environment of Api i and Web i: the same settings names as deploy/compose.yaml and
# deploy/k8s (Redis__Configuration, DataProtection__KeysPath, Oidc__*Certificate__*).
scale_write_envs() { # connection_string mail_url smtp_port
  local i redis=127.0.0.1:$SCALE_REDIS_PORT
  local web_public=http://localhost:$SCALE_WEB_PORT api_public=http://localhost:$SCALE_API_PORT
  for (( i = 1; i <= SCALE_N; i++ )); do
    scale_write_env "$SCALE_DIR/api-$i.env" \
      ASPNETCORE_ENVIRONMENT=Development \
      ASPNETCORE_URLS="http://127.0.0.1:$(scale_instance_port api "$i")" \
      ConnectionStrings__Postgres="${1%;};Maximum Pool Size=$(( 90 / SCALE_N ))" \
      Web__BaseUrl="$web_public" \
      Api__PublicUrl="$api_public" \
      Redis__Configuration="$redis" \
      DataProtection__KeysPath="$SCALE_KEYS/api" \
      Oidc__SigningCertificate__Path="$SCALE_KEYS/oidc-signing.pfx" \
      Oidc__SigningCertificate__Password="$SCALE_OIDC_PASSWORD" \
      Oidc__EncryptionCertificate__Path="$SCALE_KEYS/oidc-encryption.pfx" \
      Oidc__EncryptionCertificate__Password="$SCALE_OIDC_PASSWORD" \
      OTEL_RESOURCE_ATTRIBUTES="service.instance.id=api-$i" \
      Email__Smtp__Host="${2:+127.0.0.1}" \
      Email__Smtp__Port="$3" \
      Email__Smtp__Security=None \
      Notifications__DailyDigestEvery="${COP_DAILY_DIGEST_EVERY:-00:02:00}" \
      Notifications__WeeklyDigestEvery="${COP_WEEKLY_DIGEST_EVERY:-00:10:00}" \
      Seed__Demo=true
    scale_write_env "$SCALE_DIR/web-$i.env" \
      ASPNETCORE_ENVIRONMENT=Development \
      ASPNETCORE_URLS="http://127.0.0.1:$(scale_instance_port web "$i")" \
      Api__BaseUrl="$api_public" \
      Api__PublicUrl="$api_public" \
      Redis__Configuration="$redis" \
      DataProtection__KeysPath="$SCALE_KEYS/web" \
      OTEL_RESOURCE_ATTRIBUTES="service.instance.id=web-$i"
  done
}

# Start Api i or Web i in the background from its env file (detached from the caller, so that a
# fault script may start it and exit); its pid goes to .cop/scale/<app>-<i>.pid.
scale_start_instance() { # api|web i
  local app=$1 i=$2 entries=() line dir dll
  [[ -f $SCALE_DIR/$app-$i.env ]] || die "$SCALE_DIR/$app-$i.env is missing: start everything with ./cop run --instances N first"
  while IFS= read -r line; do eval "entries+=($line)"; done <"$SCALE_DIR/$app-$i.env"
  dir=$COP_ROOT/src/${app^}
  dll=CommunityOfPractice.${app^}.dll
  local configuration=${COP_RUN_CONFIGURATION:-Debug}
  [[ -f $dir/bin/$configuration/net10.0/$dll ]] || die "$dir/bin/$configuration/net10.0/$dll is missing; run ./cop run --instances N (it builds)"
  (cd -- "$dir" && exec setsid env "${entries[@]}" dotnet "bin/$configuration/net10.0/$dll") >>"$SCALE_DIR/$app-$i.log" 2>&1 </dev/null &
  echo "$!" >"$SCALE_DIR/$app-$i.pid"
  STARTED_PID=$!
}

scale_wait_instance() { # api|web i
  local app=$1 i=$2 path=/health/ready
  [[ $app == web ]] && path=/health/live
  wait_for_http_200 "${app^} $i" "http://127.0.0.1:$(scale_instance_port "$app" "$i")$path" \
    "$(<"$SCALE_DIR/$app-$i.pid")" "$SCALE_DIR/$app-$i.log" 120
}

scale_write_nginx_conf() {
  local i listen_web listen_api web_servers='' api_servers=''
  mkdir -p -- "$SCALE_DIR/nginx"
  for (( i = 1; i <= SCALE_N; i++ )); do
    # A refused connection moves the request to the next instance and rests this one for 5 s;
    # non-idempotent requests (POST) are never sent twice (nginx's default).
    web_servers+="    server 127.0.0.1:$(scale_instance_port web "$i") max_fails=1 fail_timeout=5s;"$'\n'
    api_servers+="    server 127.0.0.1:$(scale_instance_port api "$i") max_fails=1 fail_timeout=5s;"$'\n'
  done
  listen_web="listen 127.0.0.1:$SCALE_WEB_PORT;"
  listen_api="listen 127.0.0.1:$SCALE_API_PORT;"
  if [[ -f /proc/net/if_inet6 ]]; then # browsers may try ::1 for "localhost" first
    listen_web+=" listen [::1]:$SCALE_WEB_PORT;"
    listen_api+=" listen [::1]:$SCALE_API_PORT;"
  fi
  local n=$SCALE_DIR/nginx
  # Generated by scripts/scale.sh; deploy/nginx.conf is the same shape for containers.
  cat >"$n/nginx.conf" <<NGINX
# Generated by ./cop run --instances $SCALE_N (scripts/scale.sh); deploy/nginx.conf has the same shape.
daemon off;
worker_processes 1;
pid $n/nginx.pid;
error_log $n/error.log warn;
$(is_root && echo 'user root;')

events {
  worker_connections 8192;
}

http {
  access_log off;
  # Which instance answered each request (upstream=...): bench/scale-check.sh and the fault
  # scripts read it. A WebSocket's line is written when it closes.
  log_format cop '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent upstream=\$upstream_addr rt=\$request_time';
  client_body_temp_path $n/client_body;
  proxy_temp_path $n/proxy;
  fastcgi_temp_path $n/fastcgi;
  uwsgi_temp_path $n/uwsgi;
  scgi_temp_path $n/scgi;
  # Learning papers are uploaded through the Web and the Api.
  client_max_body_size 64m;

  # WebSockets (the live hub): pass the upgrade on; other requests keep the upstream connection.
  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    '' '';
  }

  upstream cop_web {
$web_servers    keepalive 32;
  }

  upstream cop_api {
$api_servers    keepalive 32;
  }

  proxy_http_version 1.1;
  proxy_set_header Host \$http_host;
  proxy_set_header Upgrade \$http_upgrade;
  proxy_set_header Connection \$connection_upgrade;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  proxy_connect_timeout 2s;

  server {
    $listen_web
    access_log $n/access-web.log cop;
    location / {
      proxy_pass http://cop_web;
    }
    # The live hub (proxied on by the Web to the Api): a WebSocket that lives for hours. The hub
    # pings every 15 s, so an hour without a byte means the connection is gone.
    location /hubs/ {
      proxy_pass http://cop_web;
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }
  }

  server {
    $listen_api
    access_log $n/access-api.log cop;
    location / {
      proxy_pass http://cop_api;
    }
    location /hubs/ {
      proxy_pass http://cop_api;
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }
  }
}
NGINX
}

scale_start_nginx() {
  local nginx
  nginx=$(scale_nginx_bin)
  "$nginx" -t -q -c "$SCALE_DIR/nginx/nginx.conf" -p "$SCALE_DIR/nginx" >"$SCALE_DIR/nginx.log" 2>&1 \
    || { show_log_tail "$SCALE_DIR/nginx.log" 20; die "the generated nginx configuration does not load ($SCALE_DIR/nginx/nginx.conf)"; }
  (exec setsid "$nginx" -c "$SCALE_DIR/nginx/nginx.conf" -p "$SCALE_DIR/nginx") >>"$SCALE_DIR/nginx.log" 2>&1 </dev/null &
  echo "$!" >"$SCALE_DIR/nginx.pid"
}

scale_start_redis() {
  local redis
  redis=$(scale_redis_bin)
  mkdir -p -- "$SCALE_DIR/redis"
  # Kept on disk (.cop/scale/redis/dump.rdb): signed-in sessions survive a restart of Redis.
  (exec setsid "$redis" --port "$SCALE_REDIS_PORT" --bind 127.0.0.1 --dir "$SCALE_DIR/redis" \
    --save "60 1" --appendonly no --daemonize no --protected-mode yes) >>"$SCALE_DIR/redis.log" 2>&1 </dev/null &
  echo "$!" >"$SCALE_DIR/redis.pid"
  local i
  for (( i = 0; i < 100; i++ )); do
    if [[ $(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$SCALE_REDIS_PORT && printf 'PING\r\n' >&3 && head -c 5 <&3" 2>/dev/null) == +PONG ]]; then
      return 0
    fi
    pid_alive "$(<"$SCALE_DIR/redis.pid")" || break
    sleep 0.2
  done
  show_log_tail "$SCALE_DIR/redis.log" 20
  die "redis-server did not start on port $SCALE_REDIS_PORT"
}

# The pid files of what a scaled run starts, with the command-line text each process must show.
scale_pid_files() {
  local file
  for file in "$SCALE_DIR"/web-*.pid; do [[ -e $file ]] && echo "$file CommunityOfPractice.Web.dll"; done
  for file in "$SCALE_DIR"/api-*.pid; do [[ -e $file ]] && echo "$file CommunityOfPractice.Api.dll"; done
  [[ -e $SCALE_DIR/nginx.pid ]] && echo "$SCALE_DIR/nginx.pid nginx"
  [[ -e $SCALE_DIR/redis.pid ]] && echo "$SCALE_DIR/redis.pid redis-server"
  return 0
}

# Stop everything a scaled run started (Web first, Redis last). Prints nothing when nothing ran.
scale_stop_all() {
  local file pattern pid name did=1
  [[ -d $SCALE_DIR ]] || return 1
  did=0
  while read -r file pattern; do
    name=$(basename -- "$file" .pid)
    if pid=$(live_pid_from_file "$file" "$pattern"); then
      info "Stopping $name (pid $pid)"
      stop_pid "$pid" "$name" 20
      did=1
    fi
    rm -f -- "$file"
  done < <(scale_pid_files)
  (( did ))
}

scale_print_banner() { # db_description local_db mail_url
  local i entry
  cat <<BANNER

  Community of Practice is running: $SCALE_N of everything behind nginx.

  Web             http://localhost:$SCALE_WEB_PORT    (nginx, round robin over the Web instances)
  Api             http://localhost:$SCALE_API_PORT    (nginx, round robin over the Api instances)
  API reference   http://localhost:$SCALE_API_PORT/scalar
BANNER
  for (( i = 1; i <= SCALE_N; i++ )); do
    printf '  Api %-11s http://127.0.0.1:%s    pid %s  log %s\n' "$i" "$(scale_instance_port api "$i")" "$(<"$SCALE_DIR/api-$i.pid")" "$SCALE_DIR/api-$i.log"
  done
  for (( i = 1; i <= SCALE_N; i++ )); do
    printf '  Web %-11s http://127.0.0.1:%s    pid %s  log %s\n' "$i" "$(scale_instance_port web "$i")" "$(<"$SCALE_DIR/web-$i.pid")" "$SCALE_DIR/web-$i.log"
  done
  cat <<BANNER
  nginx           pid $(<"$SCALE_DIR/nginx.pid")  config $SCALE_DIR/nginx/nginx.conf  logs $SCALE_DIR/nginx/
  Redis           127.0.0.1:$SCALE_REDIS_PORT  pid $(<"$SCALE_DIR/redis.pid")  (SignalR backplane, Web sessions, presence; data $SCALE_DIR/redis)
  Shared keys     $SCALE_KEYS  (data protection: api/, web/; OIDC: oidc-signing.pfx, oidc-encryption.pfx)
  Database        $1
  Mail inbox      ${3:-not running: mail waits in the outbox}

  Demo accounts (password: $DEMO_PASSWORD)
BANNER
  for entry in "${DEMO_ACCOUNTS[@]}"; do
    printf '    %-45s %s\n' "${entry%%:*}" "${entry##*:}"
  done
  cat <<BANNER

  One instance down is not the end of the run (fault scripts do it on purpose):
    ./cop scale status              what runs, per instance
    ./cop scale kill api 2          SIGKILL Api 2 (stop: SIGTERM);  ./cop scale start api 2  starts it again
    ./cop scale stop redis          and  ./cop scale start redis

  Press Ctrl-C to stop everything (or run ./cop stop in another terminal).

BANNER
}

# Start Redis, N Api and N Web instances and nginx; sets nothing global except the pid files.
# Called by cmd_run once PostgreSQL runs, the apps are built and the mail catcher is up.
scale_up() { # connection_string mail_url smtp_port
  local i
  mkdir -p -- "$SCALE_DIR"
  rm -f -- "$SCALE_DIR"/*.env "$SCALE_DIR"/*.pid
  declare -p SCALE_N SCALE_WEB_PORT SCALE_API_PORT SCALE_REDIS_PORT SCALE_BASE | sed 's/^declare -[-a-z]* //' >"$SCALE_DIR/layout"
  scale_ensure_keys
  scale_write_envs "$@"

  info "Starting redis-server on 127.0.0.1:$SCALE_REDIS_PORT (log: $SCALE_DIR/redis.log)"
  scale_start_redis

  # One at a time: the first Api applies migrations and seeds; the others find that done. The
  # first also makes the data-protection key the others then read.
  for app in api web; do
    for (( i = 1; i <= SCALE_N; i++ )); do
      info "Starting ${app^} $i on http://127.0.0.1:$(scale_instance_port "$app" "$i") (log: $SCALE_DIR/$app-$i.log)"
      : >"$SCALE_DIR/$app-$i.log"
      scale_start_instance "$app" "$i"
      scale_wait_instance "$app" "$i" || exit 1
    done
  done

  info "Starting nginx on :$SCALE_WEB_PORT (Web) and :$SCALE_API_PORT (Api) (config: $SCALE_DIR/nginx/nginx.conf)"
  scale_write_nginx_conf
  : >"$SCALE_DIR/nginx.log"
  scale_start_nginx
  wait_for_http_200 "nginx (Api)" "http://localhost:$SCALE_API_PORT/health/ready" "$(<"$SCALE_DIR/nginx.pid")" "$SCALE_DIR/nginx.log" 30 || exit 1
  wait_for_http_200 "nginx (Web)" "http://localhost:$SCALE_WEB_PORT/health/live" "$(<"$SCALE_DIR/nginx.pid")" "$SCALE_DIR/nginx.log" 30 || exit 1
}

# The foreground of a scaled run: says when a process goes away or comes back, and keeps going.
scale_watch() {
  local -A was=()
  local file pattern name alive
  while true; do
    while read -r file pattern; do
      name=$(basename -- "$file" .pid)
      if live_pid_from_file "$file" "$pattern" >/dev/null; then alive=1; else alive=0; fi
      if [[ -n ${was[$name]:-} && ${was[$name]} != "$alive" ]]; then
        if (( alive )); then info "$name is running again (pid $(<"$file"))"; else warn "$name stopped (./cop scale start ${name/-/ } starts it again)"; fi
      fi
      was[$name]=$alive
    done < <(scale_pid_files)
    sleep 1 &
    wait $! || true
  done
}

# ./cop scale status | start|stop|kill <api|web> <i> | start|stop|kill <redis|nginx>
cmd_scale() {
  local sub=${1:-status} what=${2:-} i=${3:-} file pattern pid
  [[ -f $SCALE_DIR/layout ]] || die "nothing scaled has run here yet (./cop run --instances 2)"
  # The ports of the run that wrote the env files.
  # shellcheck source=/dev/null
  source "$SCALE_DIR/layout"
  case $sub in
    status)
      [[ -n $(scale_pid_files) ]] || info "Nothing of a scaled run is running."
      while read -r file pattern; do
        if pid=$(live_pid_from_file "$file" "$pattern"); then
          printf '%-8s running  pid %s\n' "$(basename -- "$file" .pid)" "$pid"
        else
          printf '%-8s stopped\n' "$(basename -- "$file" .pid)"
        fi
      done < <(scale_pid_files)
      ;;
    start | stop | kill)
      case $what in
        api | web) [[ $i =~ ^[1-9]$ ]] || die "name the instance: ./cop scale $sub $what 1" ; file=$SCALE_DIR/$what-$i.pid; pattern=CommunityOfPractice.${what^}.dll ;;
        redis) file=$SCALE_DIR/redis.pid; pattern=redis-server ;;
        nginx) file=$SCALE_DIR/nginx.pid; pattern=nginx ;;
        *) die "./cop scale $sub takes api N, web N, redis or nginx" ;;
      esac
      if [[ $sub == start ]]; then
        if pid=$(live_pid_from_file "$file" "$pattern"); then info "already running (pid $pid)"; return 0; fi
        case $what in
          api | web)
            scale_start_instance "$what" "$i"
            scale_wait_instance "$what" "$i"
            ;;
          redis) scale_start_redis ;;
          nginx) scale_start_nginx ;;
        esac
        info "$what${i:+ $i} started (pid $(<"$file"))"
      else
        pid=$(live_pid_from_file "$file" "$pattern") || { info "not running"; return 0; }
        if [[ $sub == kill ]]; then
          kill -KILL "$pid"
        else
          stop_pid "$pid" "$what${i:+ $i}" 20
        fi
        info "$what${i:+ $i} (pid $pid) ${sub/%p/pp}ed"
      fi
      ;;
    *) die "unknown scale command: $sub (status, start, stop, kill)" ;;
  esac
}
