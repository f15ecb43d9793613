using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CommunityOfPractice.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class LearningPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_papers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    summary_html = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    stages = table.Column<string[]>(type: "text[]", nullable: false),
                    hashtags = table.Column<List<string>>(type: "text[]", nullable: false),
                    hashtag_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    licence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    external_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    visibility = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    place_ids = table.Column<Guid[]>(type: "uuid[]", nullable: true, defaultValueSql: "'{}'::uuid[]"),
                    rank_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_papers", x => x.id);
                    table.ForeignKey(
                        name: "fk_learning_papers_members_published_by_id",
                        column: x => x.published_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_learning_papers_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_learning_papers_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "learning_paper_places",
                columns: table => new
                {
                    learning_paper_id = table.Column<Guid>(type: "uuid", nullable: false),
                    places_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_paper_places", x => new { x.learning_paper_id, x.places_id });
                    table.ForeignKey(
                        name: "fk_learning_paper_places_learning_papers_learning_paper_id",
                        column: x => x.learning_paper_id,
                        principalTable: "learning_papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_learning_paper_places_places_places_id",
                        column: x => x.places_id,
                        principalTable: "places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    paper_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    page_count = table.Column<int>(type: "integer", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    extraction_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    indexed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_versions_learning_papers_paper_id",
                        column: x => x.paper_id,
                        principalTable: "learning_papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_paper_versions_members_uploaded_by_id",
                        column: x => x.uploaded_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "paper_extraction_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    enqueued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_extraction_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_extraction_jobs_paper_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "paper_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_pages",
                columns: table => new
                {
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english', text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_pages", x => new { x.version_id, x.number });
                    table.ForeignKey(
                        name: "fk_paper_pages_paper_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "paper_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_learning_paper_places_places_id",
                table: "learning_paper_places",
                column: "places_id");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_hashtag_keys",
                table: "learning_papers",
                column: "hashtag_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_organisation_id",
                table: "learning_papers",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_place_ids",
                table: "learning_papers",
                column: "place_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_published_by_id",
                table: "learning_papers",
                column: "published_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_published_on_id",
                table: "learning_papers",
                columns: new[] { "published_on", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_search_vector",
                table: "learning_papers",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_stages",
                table: "learning_papers",
                column: "stages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_learning_papers_thread_id",
                table: "learning_papers",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_paper_extraction_jobs_locked_until",
                table: "paper_extraction_jobs",
                column: "locked_until");

            migrationBuilder.CreateIndex(
                name: "ix_paper_extraction_jobs_version_id",
                table: "paper_extraction_jobs",
                column: "version_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_pages_vector",
                table: "paper_pages",
                column: "vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_paper_versions_paper_id_number",
                table: "paper_versions",
                columns: new[] { "paper_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_versions_sha256",
                table: "paper_versions",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_paper_versions_uploaded_by_id",
                table: "paper_versions",
                column: "uploaded_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_paper_places");

            migrationBuilder.DropTable(
                name: "paper_extraction_jobs");

            migrationBuilder.DropTable(
                name: "paper_pages");

            migrationBuilder.DropTable(
                name: "paper_versions");

            migrationBuilder.DropTable(
                name: "learning_papers");
        }
    }
}
