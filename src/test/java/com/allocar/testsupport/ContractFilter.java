package com.allocar.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.function.Supplier;

/** Holds every answer a test client receives to the served OpenAPI document ({@link ApiContract}). */
final class ContractFilter implements Filter {
    /** The document the server under test serves. */
    static final ContractFilter SERVED = new ContractFilter(ApiContract::served);

    private final Supplier<ApiContract> contract;

    ContractFilter(Supplier<ApiContract> contract) {
        this.contract = contract;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expectation,
            FilterContext context) {
        Response response = context.next(request, expectation);
        contract.get().assertConforms(request.getMethod(), URI.create(request.getURI()).getRawPath(),
                response.statusCode(), response.contentType(), response.asByteArray());
        return response;
    }
}
