package com.allocar.platform.persistence;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's format mapper for SQL XML columns, which we do not have (persistence.xml,
 * {@code hibernate.type.xml_format_mapper}). Hibernate's default one needs JAXB, which is kept out of the WAR: in it,
 * JAXB's service entry made the batch container's own JAXB pick the WAR's implementation and no job XML could be
 * read (see pom.xml).
 */
public final class NoXmlFormatMapper implements FormatMapper {
    @Override
    public <T> T fromString(CharSequence text, JavaType<T> javaType, WrapperOptions options) {
        throw new UnsupportedOperationException("no attribute is mapped as XML");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        throw new UnsupportedOperationException("no attribute is mapped as XML");
    }
}
