// The broker's figures in Prometheus text exposition format 0.0.4: one
// HELP and TYPE per metric family, then a sample per device and side (or
// direction), labels escaped as the format asks.
#include "side_figures.hpp"
#include "statistics.hpp"

#include <map>

namespace zmx_broker {

namespace {

std::string label_value(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

// Samples grouped by family, families in the order first met: the format
// wants all of a family's samples together, after its HELP and TYPE.
class exposition {
public:
    void add(const std::string& metric, const char* help, bool counter, const std::string& labels, uint64_t value) {
        auto [it, fresh] = families_.try_emplace(metric);
        if (fresh) {
            order_.push_back(metric);
            it->second = "# HELP " + metric + ' ' + help + "\n# TYPE " + metric + (counter ? " counter\n" : " gauge\n");
        }
        it->second += metric + (labels.empty() ? "" : "{" + labels + "}") + " " + std::to_string(value) + "\n";
    }
    std::string text() const {
        std::string out;
        for (const auto& metric : order_)
            out += families_.at(metric);
        return out;
    }

private:
    std::map<std::string, std::string> families_;
    std::vector<std::string> order_;
};

void add_side(exposition& e, const std::string& device, const char* side, const struct zmx_socket_stats& figures) {
    const std::string labels = "device=\"" + label_value(device) + "\",side=\"" + side + '"';
    for (const side_figure& f : side_figures_shown())
        e.add(f.metric, f.help, f.counter, *f.labels ? labels + ',' + f.labels : labels, figures.*f.field);
}

void add_direction(exposition& e, const std::string& device, const char* direction, const traffic& t) {
    const std::string labels = "device=\"" + label_value(device) + "\",direction=\"" + direction + '"';
    e.add("zmx_proxy_messages_total", "Messages the device's proxy relayed.", true, labels, t.messages);
    e.add("zmx_proxy_bytes_total", "Bytes the device's proxy relayed.", true, labels, t.bytes);
    e.add("zmx_proxy_dropped_total", "Messages the proxy received that the other side refused.", true, labels,
          t.dropped);
}

}  // namespace

std::string stats_prometheus(const std::vector<device_report>& devices, int64_t uptime_ms) {
    exposition e;
    e.add("zmx_broker_uptime_seconds", "Seconds since the broker started.", false, "",
          static_cast<uint64_t>(uptime_ms / 1000));
    for (const device_report& d : devices) {
        add_side(e, d.name, "frontend", d.frontend.figures);
        add_side(e, d.name, "backend", d.backend.figures);
        add_direction(e, d.name, "frontend_to_backend", d.frontend_to_backend);
        add_direction(e, d.name, "backend_to_frontend", d.backend_to_frontend);
    }
    return e.text();
}

}  // namespace zmx_broker
