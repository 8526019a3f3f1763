#include "core/uuid.hpp"
