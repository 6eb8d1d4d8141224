#include "statistics.hpp"

#include "json_text.hpp"

namespace zmx_broker {

namespace {

// The direction from the socket whose counters start at `from` to the one
// whose counters start at `to`.
traffic direction(const proxy_counters& counters, size_t from, size_t to) {
    const uint64_t received = counters[from];
    const uint64_t sent = counters[to + 2];
    return {sent, counters[to + 3], received - sent};
}

void append_strings(std::string& out, const std::vector<std::string>& strings) {
    out += '[';
    for (size_t i = 0; i < strings.size(); ++i) {
        if (i > 0)
            out += ',';
        zmx_tools::append_json_string(out, strings[i]);
    }
    out += ']';
}

void append_side(std::string& out, const char* name, const side_report& side) {
    out += std::string("\"") + name + "\":{\"peers\":" + std::to_string(side.peers) + ",\"bind\":";
    append_strings(out, side.bound);
    out += ",\"connect\":";
    append_strings(out, side.connected);
    out += '}';
}

void append_traffic(std::string& out, const char* name, const traffic& t) {
    out += std::string("\"") + name + "\":{\"messages\":" + std::to_string(t.messages) +
           ",\"bytes\":" + std::to_string(t.bytes) + ",\"dropped\":" + std::to_string(t.dropped) + '}';
}

std::string traffic_text(const traffic& t) {
    return std::to_string(t.messages) + " msgs " + std::to_string(t.bytes) + " B " + std::to_string(t.dropped) +
           " dropped";
}

}  // namespace

traffic frontend_to_backend(const proxy_counters& counters) { return direction(counters, 0, 4); }
traffic backend_to_frontend(const proxy_counters& counters) { return direction(counters, 4, 0); }

std::string stats_json(const std::vector<device_report>& devices, int64_t uptime_ms) {
    std::string out = "{\"uptime_ms\":" + std::to_string(uptime_ms) + ",\"devices\":[";
    for (size_t i = 0; i < devices.size(); ++i) {
        const device_report& d = devices[i];
        out += i > 0 ? ",{\"name\":" : "{\"name\":";
        zmx_tools::append_json_string(out, d.name);
        out += std::string(",\"type\":\"") + shape_of(d.kind).name + "\",";
        append_side(out, "frontend", d.frontend);
        out += ',';
        append_side(out, "backend", d.backend);
        out += ',';
        append_traffic(out, "frontend_to_backend", d.frontend_to_backend);
        out += ',';
        append_traffic(out, "backend_to_frontend", d.backend_to_frontend);
        out += '}';
    }
    return out + "]}";
}

std::vector<std::string> stats_lines(const std::vector<device_report>& devices) {
    std::vector<std::string> lines;
    for (const device_report& d : devices) {
        lines.push_back("device '" + d.name + "' (" + shape_of(d.kind).name + "): peers " +
                        std::to_string(d.frontend.peers) + " frontend, " + std::to_string(d.backend.peers) +
                        " backend; frontend->backend " + traffic_text(d.frontend_to_backend) +
                        "; backend->frontend " + traffic_text(d.backend_to_frontend));
    }
    return lines;
}

}  // namespace zmx_broker
