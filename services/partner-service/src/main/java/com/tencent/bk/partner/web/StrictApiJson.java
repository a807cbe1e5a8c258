package com.tencent.bk.partner.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON bodies of the project's API read strictly: {@code "true"} or {@code 1} is not a boolean, {@code 5} is
 * not a string, a key given twice is refused, and text carries no control characters (PostgreSQL cannot even
 * store NUL). Only the MVC converter gets this copy of the mapper: the Kafka side keeps Spring's mapper, and
 * Camunda's REST API and webapps have their own Jackson providers.
 */
@Configuration(proxyBeanMethods = false)
class StrictApiJson implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json
                    && json.getClass() == MappingJackson2HttpMessageConverter.class) {
                converters.set(i, new MappingJackson2HttpMessageConverter(strict(json.getObjectMapper())));
            }
        }
    }

    @SuppressWarnings("deprecation") // ObjectMapper.configure/enable are the way to set features on a copy
    static ObjectMapper strict(ObjectMapper springMapper) {
        ObjectMapper strict = springMapper.copy();
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()));
        return strict;
    }

    /** Strings without control characters; tab, line feed and carriage return are text. */
    static final class PlainText extends StringDeserializer {

        static final String MESSAGE = "must not contain control characters";

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.chars().anyMatch(PlainText::isControl)) {
                throw new ControlCharacterException(parser, text);
            }
            return text;
        }

        private static boolean isControl(int c) {
            return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
        }
    }

    /** Tells the error handler which message to give (the value itself is not echoed back). */
    static final class ControlCharacterException extends InvalidFormatException {
        ControlCharacterException(JsonParser parser, String value) {
            super(parser, PlainText.MESSAGE, value, String.class);
        }
    }
}
