# ReleaseGate container image, the Spring Boot way: the jar's layers extracted with
# -Djarmode=tools, a JRE base, a non-root user and a CDS archive made by a training run at
# build time. Build the jar first: ./mvnw package -DskipTests && docker build -t releasegate .
# ContainerImageIT performs this file's extract, training run, entrypoint and health check
# without a container.

FROM eclipse-temurin:17-jre AS builder
WORKDIR /builder
COPY target/releasegate-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --create-home --home-dir /app releasegate
WORKDIR /app
# least changing first, so a new build of the code replaces only the last layer
COPY --from=builder /builder/extracted/dependencies/ ./
COPY --from=builder /builder/extracted/spring-boot-loader/ ./
COPY --from=builder /builder/extracted/snapshot-dependencies/ ./
COPY --from=builder /builder/extracted/application/ ./
USER 10001
# training run: starts the context on a throwaway embedded PostgreSQL and exits once it is
# refreshed, recording the classes it loaded (the archive halves the start-up)
RUN mkdir -p training && RELEASEGATE_EMBEDDED_DB_DIR=training/db java -Djava.io.tmpdir=training \
      -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
    && rm -rf training
ENV RELEASEGATE_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${RELEASEGATE_PORT}; printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3; grep -q "\"status\":\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:MaxRAMPercentage=70", "-jar", "application.jar"]
