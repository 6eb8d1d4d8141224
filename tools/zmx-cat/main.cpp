// zmx-cat: send and receive ZeroMQ messages from the shell.
#include "cat_command_line.hpp"
#include "cat_socket.hpp"
#include "exit_codes.hpp"
#include "roles.hpp"
#include "zap_thread.hpp"

#include <iostream>
#include <optional>

int main(int argc, char** argv) {
    zmx_cat::cat_options options;
    if (const auto stop = zmx_cat::read_command_line(argc, argv, options))
        return *stop;
    std::ios::sync_with_stdio(false);
    int status = zmx_cat::done;
    try {
        // The socket closes before the context ends, each message it still
        // holds given --linger to leave.
        const zmx_tools::context ctx;
        std::optional<zmx_cat::zap_thread> zap;
        if (options.security.is_server())
            zap.emplace(ctx, options.security);
        const zmx_tools::socket socket = zmx_cat::open_cat_socket(ctx, options);
        zmx_cat::run_role(socket.get(), options);
        std::cout.flush();  // before the linger wait, not after it
    } catch (const zmx_cat::cat_error& error) {
        std::cerr << "zmx-cat: " << error.what() << '\n';
        status = error.code();
    } catch (const zmx_tools::zmq_failure& failure) {
        std::cerr << "zmx-cat: " << failure.what() << '\n';
        status = zmx_cat::failed;
    }
    std::cout.flush();
    return status;
}
