#include "statistics.hpp"

#include "json_text.hpp"
#include "side_figures.hpp"

#include <cstring>

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

// The socket's figures: ,"sent":{"messages":..,"bytes":..},...,"peers_now":..
void append_figures(std::string& out, const struct zmx_socket_stats& figures) {
    const char* group = nullptr;  // the object open now
    for (const side_figure& f : side_figures_shown()) {
        const bool stays = group && f.json_group && std::strcmp(group, f.json_group) == 0;
        if (group && !stays)
            out += '}';
        out += ',';
        if (f.json_group && !stays)
            out += std::string("\"") + f.json_group + "\":{";
        group = f.json_group;
        out += std::string("\"") + f.json_key + "\":" + std::to_string(figures.*f.field);
    }
    if (group)
        out += '}';
}

void append_side(std::string& out, const char* name, const side_report& side) {
    out += std::string("\"") + name + "\":{\"peers\":" + std::to_string(side.peers) + ",\"bind\":";
    append_strings(out, side.bound);
    out += ",\"connect\":";
    append_strings(out, side.connected);
    append_figures(out, side.figures);
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

// " sent.messages=1 sent.bytes=2 ... peers_now=1 ...", for a person's eye.
std::string figures_text(const struct zmx_socket_stats& figures) {
    std::string text;
    for (const side_figure& f : side_figures_shown()) {
        text += ' ';
        if (f.json_group)
            text += std::string(f.json_group) + '.';
        text += std::string(f.json_key) + '=' + std::to_string(figures.*f.field);
    }
    return text;
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
        lines.push_back("device '" + d.name + "' frontend:" + figures_text(d.frontend.figures));
        lines.push_back("device '" + d.name + "' backend:" + figures_text(d.backend.figures));
    }
    return lines;
}

}  // namespace zmx_broker
