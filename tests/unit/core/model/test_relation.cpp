#include "core/model/relation.hpp"

#include <doctest/doctest.h>

using namespace leadctl;
using R = Relation;

TEST_SUITE("core::relation") {
    TEST_CASE("exact after anything, or anything after exact, keeps the other relation") {
        for (const auto& r : kRelations) {
            CAPTURE(r.name);
            CHECK(compose(R::exact, r.relation) == r.relation);
            CHECK(compose(r.relation, R::exact) == r.relation);
        }
    }
    TEST_CASE("close after close composes to related") {
        CHECK(compose(R::close, R::close) == R::related);
    }
    TEST_CASE("close after exact composes to close") {
        CHECK(compose(R::close, R::exact) == R::close);
        CHECK(compose(R::exact, R::close) == R::close);
    }
    TEST_CASE("narrow after narrow composes to narrow") {
        CHECK(compose(R::narrow, R::narrow) == R::narrow);
    }
    TEST_CASE("broad after broad composes to broad") {
        CHECK(compose(R::broad, R::broad) == R::broad);
    }
    TEST_CASE("every other pair composes to related") {
        CHECK(compose(R::broad, R::narrow) == R::related);
        CHECK(compose(R::narrow, R::broad) == R::related);
        CHECK(compose(R::close, R::broad) == R::related);
        CHECK(compose(R::narrow, R::close) == R::related);
        CHECK(compose(R::related, R::related) == R::related);
        CHECK(compose(R::related, R::broad) == R::related);
    }
    TEST_CASE("inverses swap broad and narrow and keep the symmetric relations") {
        CHECK(inverse(R::broad) == R::narrow);
        CHECK(inverse(R::narrow) == R::broad);
        CHECK(inverse(R::exact) == R::exact);
        CHECK(inverse(R::close) == R::close);
        CHECK(inverse(R::related) == R::related);
    }
    TEST_CASE("names and SKOS predicates parse both ways") {
        for (const auto& r : kRelations) {
            CHECK(parse_relation(r.name) == r.relation);
            CHECK(parse_skos(r.skos) == r.relation);
        }
        CHECK_FALSE(parse_relation("broader"));
        CHECK_FALSE(parse_skos("owl:equivalentClass"));
    }
}

TEST_CASE("parse_relation_list: names, spaces and empty parts ignored, an unknown name explained") {
    auto ok = leadctl::parse_relation_list(" exact, close,,broad ");
    CHECK(ok.error.empty());
    CHECK(ok.relations == std::set<R>{R::exact, R::close, R::broad});
    CHECK(leadctl::parse_relation_list("").relations.empty());
    auto bad = leadctl::parse_relation_list("exact,clse");
    CHECK(bad.error == "unknown relation \"clse\" (did you mean \"close\"?); use exact,close,broad,narrow,related");
}
