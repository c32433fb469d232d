# Varnish in front of nginx (README, "The HTTP cache"). It keeps the anonymous pages the site
# marks public, for as long as the site's caching headers say, and forgets them when the site
# purges them. Everything personal (staff with a session, a visitor just thanked through a
# message, the admin and its previews, forms posted) passes through to the site.
#
# Two listeners: the public one ("-a :80") and "purge" ("-a purge=:6091", never published),
# the only one that takes PURGE, and only from the addresses below. Both checks are needed: in
# Docker, traffic to a published port reaches Varnish from the bridge's gateway, a private
# address.
vcl 4.1;

import std;

backend default {
    .host = "nginx";
    .port = "80";
    .connect_timeout = 5s;
    .first_byte_timeout = 65s;
}

acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
    "fc00::"/7;
}

sub vcl_recv {
    # One name per site: the Host the site purges with (the Site's hostname, no port) is the
    # one a visitor sent, whatever port it came through. The backend still gets the visitor's
    # Host, port included, for the absolute URLs Django builds (the userbar, calendars).
    set req.http.X-Cache-Host = regsub(std.tolower(req.http.Host), ":[0-9]+$", "");

    if (req.method == "PURGE") {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # A path drops every query-string variant of it; "/*" (as on CloudFront) the whole
        # site. Bans on obj.* only, so that the ban lurker clears them in the background.
        if (req.url == "/*") {
            ban("obj.http.X-Cache-Host == " + req.http.X-Cache-Host);
        } else {
            ban("obj.http.X-Cache-Host == " + req.http.X-Cache-Host +
                " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
        }
        return (synth(200, "Purged"));
    }
    if (local.socket == "purge") {
        return (synth(405, "Only PURGE here"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, its previews and the health checks are never cached.
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/(healthz|readyz)(\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A session (staff, who see the userbar) or a message to show: a page built for this visitor.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }

    # Static files and renditions never depend on a cookie.
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
    }

    # nginx compresses with gzip only: two variants at most.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    # Any other cookie (csrftoken, analytics) is looked up in the cache all the same: the site
    # marks public only a page it built the same for every visitor without a session. The cookie
    # still reaches the site on a miss.
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Cache-Host);
    # Behind a TLS terminator, a page's absolute links carry the scheme.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
    return (lookup);
}

sub vcl_hit {
    set req.http.X-Cache = "HIT";
}

sub vcl_miss {
    if (req.is_hitmiss) {
        set req.http.X-Cache = "PASS";
    } else {
        set req.http.X-Cache = "MISS";
    }
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
    unset bereq.http.X-Cache-Host;
}

sub vcl_backend_response {
    # What a purge matches (the ban lurker sees only the object, not the request).
    set beresp.http.X-Cache-Host = regsub(std.tolower(bereq.http.Host), ":[0-9]+$", "");
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");

    # Browsers keep a page for max-age (Cache-Control); Varnish, which the site purges, for
    # Surrogate-Control's max-age, which only Varnish reads. Sent only when purges are set up.
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"), 0s);
        set beresp.http.X-Cache-Surrogate = "1";
    }
    unset beresp.http.Surrogate-Control;
    # A page past its TTL is stale: an event has just started, say. Never serve it late.
    set beresp.grace = 0s;
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    # The browser's max-age counts from now: the page is current until the site purges it.
    if (resp.http.X-Cache-Surrogate) {
        set resp.http.Age = "0";
    }
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
    unset resp.http.X-Cache-Surrogate;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
