// (being written)
#pragma once

namespace leadctl {}
