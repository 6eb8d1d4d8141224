#include "broker.hpp"

namespace zmx_broker {

namespace {

using clock = std::chrono::steady_clock;

long ms_until(clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
    return left > 0 ? static_cast<long>(left) : 0;
}

}  // namespace

broker::broker(const broker_config& config, logger& log)
    : log_(log), linger_ms_(config.linger_ms), context_(config.io_threads) {
    if (!config.control.empty()) {
        control_ = std::make_unique<control_endpoint>(context_, config.control);
        log_.info("control endpoint bound to ", control_->bound());
    }
    if (!config.metrics.empty()) {
        metrics_ = std::make_unique<metrics_endpoint>(context_, config.metrics);
        log_.info("metrics served at ", metrics_->url());
    }
    if (zap_service::needed(config))
        zap_ = std::make_unique<zap_service>(context_, config);
    for (const auto& device_config : config.devices)
        devices_.push_back(std::make_unique<device>(context_, device_config, devices_.size(), linger_ms_, log_));
}

void broker::run() {
    log_.info("ready: ", devices_.size(), devices_.size() == 1 ? " device" : " devices");
    while (serve_once(-1)) {
    }
    drain();
}

bool broker::serve_once(long timeout_ms) {
    poll_set set;
    signals_.watch(set);
    if (control_)
        control_->watch(set);
    if (metrics_)
        metrics_->watch(set);
    if (zap_)
        zap_->watch(set);
    for (const auto& d : devices_)
        d->watch(set);
    set.wait(timeout_ms);
    const signal_watch::requests asked = signals_.take(set);
    if (asked.report)
        print_stats();
    if (asked.stop)
        return false;
    if (control_)
        control_->serve(set, [this] { return stats_json(reports(), uptime_ms()); });
    if (metrics_)
        metrics_->serve(set, [this] { return stats_prometheus(reports(), uptime_ms()); });
    if (zap_)
        zap_->serve(set, log_);
    for (const auto& d : devices_)
        d->serve(set);
    return true;
}

// Lets the devices relay what they already received, until none is left,
// the linger has passed (-1: no limit), or another SIGINT/SIGTERM says not
// to wait; the devices still relaying are then ended as they are destroyed.
void broker::drain() {
    log_.info("stopping: relaying the messages in flight (linger ", linger_ms_, " ms)");
    const clock::time_point deadline = clock::now() + std::chrono::milliseconds(linger_ms_);
    for (const auto& d : devices_)
        d->drain();
    while (!drained()) {
        const long timeout = linger_ms_ < 0 ? -1 : ms_until(deadline);
        if (timeout == 0) {
            log_.warn("linger passed with messages still waiting; they are dropped");
            return;
        }
        if (!serve_once(timeout))
            return;
    }
}

bool broker::drained() const {
    for (const auto& d : devices_)
        if (!d->drained())
            return false;
    return true;
}

std::vector<device_report> broker::reports() {
    std::vector<device_report> all;
    for (const auto& d : devices_)
        all.push_back(d->report());
    return all;
}

int64_t broker::uptime_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started_).count();
}

void broker::print_stats() {
    for (const auto& line : stats_lines(reports()))
        log_.report(line);
}

}  // namespace zmx_broker
