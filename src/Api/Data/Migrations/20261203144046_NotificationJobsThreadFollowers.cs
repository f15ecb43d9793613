using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityOfPractice.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationJobsThreadFollowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid[]>(
                name: "excluded",
                table: "notification_jobs",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<Guid>(
                name: "thread_followers_of",
                table: "notification_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "thread_post_number",
                table: "notification_jobs",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "excluded",
                table: "notification_jobs");

            migrationBuilder.DropColumn(
                name: "thread_followers_of",
                table: "notification_jobs");

            migrationBuilder.DropColumn(
                name: "thread_post_number",
                table: "notification_jobs");
        }
    }
}
