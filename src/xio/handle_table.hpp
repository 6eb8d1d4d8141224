// The handles xlisten, xconnect and xaccept hand out, by number.
#pragma once

#include "xio/handle.hpp"
#include "xio/id_table.hpp"

namespace zmx::xio {

id_table<handle>& handle_table();

// The handle numbered fd, or null with EBADF.
std::shared_ptr<handle> find_handle(int fd);

} // namespace zmx::xio
