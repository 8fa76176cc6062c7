//! The application catalog (seeds).

use super::*;

pub(super) fn seed_app_catalog(s: &mut Seeder<'_>) -> Vec<Value> {
    const APPS: &[(&str, &str, &str, i64, &[&str])] = &[
        ("PostgreSQL", "Database", "TCP", 5432, &["postgres"]),
        ("MySQL", "Database", "TCP", 3306, &["mysqld"]),
        ("MongoDB", "Database", "TCP", 27017, &["mongod"]),
        ("Redis", "Cache", "TCP", 6379, &["redis-server"]),
        ("Memcached", "Cache", "TCP", 11211, &["memcached"]),
        ("NGINX", "Web Server", "TCP", 443, &["nginx"]),
        (
            "Apache HTTP Server",
            "Web Server",
            "TCP",
            80,
            &["httpd", "apache2"],
        ),
        ("Microsoft IIS", "Web Server", "TCP", 443, &["w3wp.exe"]),
        ("OpenSSH", "Remote Access", "TCP", 22, &["sshd"]),
        (
            "Remote Desktop",
            "Remote Access",
            "TCP",
            3389,
            &["svchost.exe"],
        ),
        ("Kafka", "Messaging", "TCP", 9092, &["java"]),
        ("RabbitMQ", "Messaging", "TCP", 5672, &["beam.smp"]),
        ("Elasticsearch", "Search", "TCP", 9200, &["java"]),
        ("Prometheus", "Monitoring", "TCP", 9090, &["prometheus"]),
        ("BIND DNS", "Infrastructure", "UDP", 53, &["named"]),
        (
            "Active Directory",
            "Infrastructure",
            "TCP",
            389,
            &["lsass.exe"],
        ),
    ];
    APPS.iter()
        .enumerate()
        .map(|(i, (name, category, proto, port, procs))| {
            let created = s.epoch_within(700);
            json!({
                "__typename": "AppCatalog",
                "id": format!("{}", 7_800_001 + i),
                "name": name,
                "category": category,
                "creationTime": iso(created),
                "modifiedTime": iso((created + s.int(0, 86_400 * 90)).min(s.now())),
                "details": {
                    "portAndProtocol": [{"protocol": proto, "portRanges": [{"startPort": port, "endPort": port}]}],
                    "processes": procs,
                },
            })
        })
        .collect()
}
