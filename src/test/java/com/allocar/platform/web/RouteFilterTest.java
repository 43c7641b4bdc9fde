package com.allocar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RouteFilterTest {

    @Path("trips")
    static class Trips {
        @GET
        @Path("{id: [0-9a-f-]+}/stops/")
        public void stops() {
        }

        @GET
        public void list() {
        }
    }

    @Test
    void templatesJoinClassAndMethodPathsWithoutRegexes() throws Exception {
        assertThat(RouteFilter.template(Trips.class, Trips.class.getMethod("stops"))).isEqualTo("/api/v1/trips/{id}/stops");
        assertThat(RouteFilter.template(Trips.class, Trips.class.getMethod("list"))).isEqualTo("/api/v1/trips");
    }
}
