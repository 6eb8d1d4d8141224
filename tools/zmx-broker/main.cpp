// zmx-broker: runs the devices of a TOML config (queue, forwarder,
// streamer) until SIGINT or SIGTERM; docs/tools.md has the details.
#include "broker.hpp"
#include "command_line.hpp"
#include "startup_error.hpp"

#include <iostream>

namespace {

enum exit_code : int {
    stopped = 0,
    bad_config = 1,
    usage_error = zmx_tools::usage_exit_code,
    cannot_start = 3,
};

struct broker_arguments {
    std::string config_path;
    std::string log_level;
    std::string metrics;
    bool check_only = false;
};

std::optional<int> read_command_line(int argc, char** argv, broker_arguments& arguments) {
    CLI::App app{"Runs the ZeroMQ devices (queue, forwarder, streamer) of a TOML config until SIGINT or\n"
                 "SIGTERM. SIGUSR1 prints each device's statistics on stderr.",
                 "zmx-broker"};
    app.footer("Exit status: 0 stopped (or --check passed), 1 bad config, 2 usage, 3 could not start\n"
               "(an endpoint would not bind or connect, an option was refused).");
    app.add_option("CONFIG", arguments.config_path, "the config file (TOML, see docs/tools.md)")->required();
    app.add_option("--metrics", arguments.metrics,
                   "serve Prometheus metrics over HTTP at http://HOST:PORT/metrics (port 0: a free one, logged)")
        ->type_name("HOST:PORT");
    app.add_flag("--check", arguments.check_only, "check the config and exit, starting nothing");
    app.add_option("--log-level", arguments.log_level, "error, warn, info or debug (overrides the config)")
        ->check(CLI::IsMember({"error", "warn", "info", "debug"}));
    return zmx_tools::parse_command_line(app, argc, argv);
}

int run(const zmx_broker::broker_config& config) {
    zmx_broker::logger log;
    log.set_level(config.level);
    try {
        zmx_broker::broker broker(config, log);
        broker.run();
    } catch (const zmx_broker::startup_error& error) {
        log.error("cannot start: ", error.what());
        return cannot_start;
    }
    log.info("stopped");
    return stopped;
}

}  // namespace

int main(int argc, char** argv) {
    broker_arguments arguments;
    if (const auto stop = read_command_line(argc, argv, arguments))
        return *stop;
    zmx_broker::broker_config config;
    try {
        config = zmx_broker::load_config(arguments.config_path);
    } catch (const zmx_broker::config_error& error) {
        std::cerr << "zmx-broker: " << error.what() << '\n';
        return bad_config;
    }
    config.metrics = arguments.metrics;
    if (!arguments.log_level.empty())
        config.level = *zmx_broker::log_level_named(arguments.log_level);
    if (arguments.check_only) {
        std::cout << arguments.config_path << ": OK, " << config.devices.size()
                  << (config.devices.size() == 1 ? " device\n" : " devices\n");
        return stopped;
    }
    return run(config);
}
