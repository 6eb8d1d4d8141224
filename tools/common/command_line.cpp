#include "command_line.hpp"

namespace zmx_tools {

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::ParseError& error) {
        // CLI11 has its own codes (100 and up); scripts get one: usage.
        app.exit(error);
        return usage_exit_code;
    }
}

}  // namespace zmx_tools
