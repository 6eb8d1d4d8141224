// One message out of or into the socket, and onto stdout, with the errors
// turned into zmx-cat's exit codes.
#pragma once

#include "cat_options.hpp"
#include "message_format.hpp"
#include "multipart.hpp"

namespace zmx_cat {

// Both wait up to --timeout; throw cat_error (timed_out or failed).
void send_message(void* socket, const zmx_tools::frames& message, const cat_options& options);
zmx_tools::frames receive_message(void* socket, const cat_options& options);

// One line on stdout; a frame the format cannot write is a failure.
void print_message(const zmx_tools::frames& message, const message_format& format);

}  // namespace zmx_cat
