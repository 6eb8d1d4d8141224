#include "top_view.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace zmx_top {

namespace {

using nlohmann::json;

const char* const drop_reasons[] = {"hwm", "unroutable", "conflated", "oversize", "peer_lost"};

uint64_t count_at(const json& side, const char* group, const char* key) {
    const auto g = side.find(group);
    if (g == side.end())
        return 0;
    const auto v = g->find(key);
    return v == g->end() ? 0 : v->get<uint64_t>();
}

uint64_t dropped(const json& side) {
    uint64_t total = 0;
    for (const char* reason : drop_reasons)
        total += count_at(side, "dropped", reason);
    return total;
}

// The same side in the previous answer, or null.
const json* previous_side(const json* previous, const std::string& device, const char* side) {
    if (!previous)
        return nullptr;
    for (const json& d : previous->at("devices"))
        if (d.at("name").get<std::string>() == device)
            return &d.at(side);
    return nullptr;
}

// The change from then to now per second, as text; "-" with nothing to compare.
std::string per_second(uint64_t now, const std::optional<uint64_t>& then, double seconds) {
    if (!then || seconds <= 0)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", now >= *then ? static_cast<double>(now - *then) / seconds : 0.0);
    return text;
}

std::optional<uint64_t> earlier(const json* before, const char* group, const char* key) {
    return before ? std::optional(count_at(*before, group, key)) : std::nullopt;
}

// Which reasons the drops are for: "hwm=12 peer_lost=3", or "".
std::string drop_detail(const json& side) {
    std::string detail;
    for (const char* reason : drop_reasons)
        if (const uint64_t n = count_at(side, "dropped", reason))
            detail += std::string(detail.empty() ? "" : " ") + reason + "=" + std::to_string(n);
    return detail;
}

std::string row(const std::string& device, const char* name, const json& side, const json* before, double seconds) {
    const uint64_t in = count_at(side, "received", "messages"), out = count_at(side, "sent", "messages");
    char line[256];
    std::snprintf(line, sizeof line, "%-16.16s %-8s %5llu %9s %9s %11llu %11llu %9llu %7s %7llu %7llu  %s",
                  device.c_str(), name, static_cast<unsigned long long>(side.value("peers_now", uint64_t{0})),
                  per_second(in, earlier(before, "received", "messages"), seconds).c_str(),
                  per_second(out, earlier(before, "sent", "messages"), seconds).c_str(),
                  static_cast<unsigned long long>(in), static_cast<unsigned long long>(out),
                  static_cast<unsigned long long>(dropped(side)),
                  per_second(dropped(side), before ? std::optional(dropped(*before)) : std::nullopt, seconds).c_str(),
                  static_cast<unsigned long long>(count_at(side, "queued", "out")),
                  static_cast<unsigned long long>(count_at(side, "queued", "in")), drop_detail(side).c_str());
    return line;
}

}  // namespace

std::vector<std::string> render(const json& now, const json* previous, double seconds, const std::string& endpoint) {
    std::vector<std::string> lines;
    lines.push_back("zmx-top  " + endpoint + "  broker up " + std::to_string(now.at("uptime_ms").get<int64_t>() / 1000) +
                    " s  (q or Ctrl-C quits)");
    lines.push_back("");
    char header[256];
    std::snprintf(header, sizeof header, "%-16s %-8s %5s %9s %9s %11s %11s %9s %7s %7s %7s  %s", "DEVICE", "SIDE",
                  "PEERS", "IN/S", "OUT/S", "RECEIVED", "SENT", "DROPPED", "DROP/S", "Q.OUT", "Q.IN", "WHY");
    lines.push_back(header);
    for (const json& d : now.at("devices")) {
        const std::string name = d.at("name").get<std::string>();
        for (const char* side : {"frontend", "backend"})
            lines.push_back(row(name, side, d.at(side), previous_side(previous, name, side), seconds));
    }
    return lines;
}

}  // namespace zmx_top
